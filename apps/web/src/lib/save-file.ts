/**
 * Saves data as a file through the browser's download: a Blob URL on a link that is clicked, then
 * revoked. The link goes into the document for the click (Firefox ignores a detached one), and the
 * URL lives on a second so the download has started before it is gone.
 */
export function saveFile(fileName: string, data: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Saves bytes as a file: binary values (a Secret's, a ConfigMap's binaryData) are downloaded, not shown. */
export function saveBytes(fileName: string, bytes: Uint8Array): void {
  saveFile(fileName, bytes as BlobPart, 'application/octet-stream');
}
