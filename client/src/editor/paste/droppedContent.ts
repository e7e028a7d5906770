/**
 * Counts the images in a paste or drop, which a guide cannot hold (the shared schema has no
 * image node, and guides must stay small enough to send live): ProseMirror drops them without a
 * word, so the editor counts them first and tells the writer (issue 9).
 */
const imageSelector = 'img, picture, svg, canvas, video';

export function droppedImages(data: DataTransfer | null): number {
  if (!data) return 0;
  const files = [...data.files].filter((file) => file.type.startsWith('image/')).length;
  const html = data.getData('text/html');
  if (!html) return files;
  // An inert document: nothing in it loads or runs.
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  // A copied image often comes both as a file and as HTML: count it once.
  return Math.max(files, parsed.querySelectorAll(imageSelector).length);
}
