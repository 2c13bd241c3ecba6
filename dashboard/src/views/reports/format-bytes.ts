/** "812 bytes", "3.4 KB", "1.2 MB": enough to tell an empty report from a full one. */
export function formatBytes(size: number): string {
  if (size < 1024) return `${size} byte${size === 1 ? '' : 's'}`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / (1024 * 1024)).toFixed(1)} MB`;
}
