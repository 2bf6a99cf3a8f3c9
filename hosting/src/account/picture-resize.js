/**
 * The longest side of a picture as uploaded: four times the 256 px avatar the server makes of
 * it, and a phone photo of several megabytes becomes one of about a hundred kilobytes, which
 * the server decodes in a few milliseconds.
 */
export const UPLOAD_SIDE = 1024;
const QUALITY = 0.9;

/**
 * The picture in `file`, upright, scaled down so its longer side is at most UPLOAD_SIDE, as a
 * WebP (a JPEG where the browser cannot write WebP); its metadata (place, camera) stays here.
 * Null when the browser cannot read the file: then it goes as it is, and the server's answer
 * says what is wrong with it.
 */
export async function resizedPicture(file) {
  let bitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
  } catch {
    return null;
  }
  const scale = Math.min(1, UPLOAD_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement("canvas");
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  const context = canvas.getContext("2d");
  context.imageSmoothingQuality = "high";
  context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  return encoded(canvas, context);
}

async function encoded(canvas, context) {
  const webp = await blobOf(canvas, "image/webp");
  if (webp?.type === "image/webp") return webp;
  // JPEG has no transparency: transparent parts become white rather than black.
  context.globalCompositeOperation = "destination-over";
  context.fillStyle = "#fff";
  context.fillRect(0, 0, canvas.width, canvas.height);
  return blobOf(canvas, "image/jpeg");
}

function blobOf(canvas, type) {
  return new Promise((resolve) => canvas.toBlob(resolve, type, QUALITY));
}
