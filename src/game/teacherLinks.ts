/** Where the title screen's "For teachers" leads: the index of the teacher pages, beside the game in the build. */
export const TEACHERS_PAGE_URL = 'teachers.html';

/** The one-page student handout of the four SIFT moves, for printing. */
export const HANDOUT_PAGE_URL = 'handout.html';

/** Opens the teacher pages in a new tab, so that the game and any round on screen stay as they are. */
export function openTeacherPages(target: Pick<Window, 'open'> = window): void {
  target.open(TEACHERS_PAGE_URL, '_blank', 'noopener');
}
