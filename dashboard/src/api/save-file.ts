import type { DownloadedFile } from './api-client.js';

/** Hands the file to the browser's own download, as a link to the file would. */
export function saveFile({ blob, filename }: DownloadedFile): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // The click starts the download synchronously; the address can go once it has been read.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
