import type { ApiClient, DownloadedFile } from './api-client.js';

export type ReportFormat = 'csv' | 'pdf';
export type LicenceGrouping = 'product' | 'vendor' | 'department';

export function downloadLicenceReport(api: ApiClient, format: ReportFormat, asOf: string | undefined, groupBy: LicenceGrouping): Promise<DownloadedFile> {
  return api.download('/api/v1/reports/license-reconciliation', { query: { format, asOf, groupBy } });
}

export function downloadDeviceReport(api: ApiClient, format: ReportFormat): Promise<DownloadedFile> {
  return api.download('/api/v1/reports/device-reconciliation', { query: { format } });
}

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
