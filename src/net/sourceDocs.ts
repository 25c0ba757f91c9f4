/** Downloads the shipped source documents with their texts (sources.json), which a teacher's quotes are checked against. */
import { checkSourceDocs } from '../core/customBanks';
import type { SourceDoc } from '../core/types';

export async function fetchSourceDocs(
  sourcesUrl: string,
): Promise<{ sources: Record<string, SourceDoc> } | { error: string }> {
  let data: unknown;
  try {
    const response = await fetch(sourcesUrl, { credentials: 'same-origin' });
    if (!response.ok) {
      return {
        error: `The source documents (${sourcesUrl}) could not be downloaded: the server answered ${response.status}.`,
      };
    }
    data = await response.json();
  } catch {
    return {
      error: `The source documents (${sourcesUrl}) could not be downloaded. Check the connection and try again.`,
    };
  }
  const checked = checkSourceDocs(data);
  return 'error' in checked ? { error: `The source documents are damaged: ${checked.error}.` } : checked;
}
