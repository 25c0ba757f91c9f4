/** Where the title screen's "For teachers" leads: the index of the teacher pages, beside the game in the build. */
export const TEACHERS_PAGE_URL = 'teachers.html';

/** The one-page student handout of the four SIFT moves, for printing. */
export const HANDOUT_PAGE_URL = 'handout.html';

/** Opens the teacher pages in a new tab, so that the game and any round on screen stay as they are. */
export function openTeacherPages(target: Pick<Window, 'open'> = window): void {
  target.open(TEACHERS_PAGE_URL, '_blank', 'noopener');
}

/** What class mode stores and for how long, for students, families and schools (made from docs/privacy.md). */
export const PRIVACY_PAGE_URL = 'privacy.html';

/** Opens the privacy page in a new tab, leaving the game where it is. */
export function openPrivacyPage(target: Pick<Window, 'open'> = window): void {
  target.open(PRIVACY_PAGE_URL, '_blank', 'noopener');
}
