/**
 * A picture the reader uploads, turned into one 28×28 digit in [−1, 1]
 * (src/data/image-import.ts does the cropping and scaling). A failed upload
 * says why in the page's language and keeps the previous picture.
 */
import { decodeImageFile, imageToDigit, ImageImportError } from '../data/image-import';
import { toSigned } from '../data/digits';
import { failureDetail } from '../failures/failure';
import { m } from '../i18n/messages';
import { imageImportText } from './error-text';
import { UPLOAD_FAILED_TEXT } from './image-source';

export class ImageUpload {
  image = $state.raw<Float32Array | null>(null);
  name = $state('');
  error: string | null = $state(null);
  /** What the import did that a reader would not expect (an inverted or blank picture), or null. */
  note: string | null = $state(null);
  reading = $state(false);

  async read(file: File): Promise<void> {
    this.reading = true;
    this.error = null;
    this.note = null;
    try {
      const digit = imageToDigit(await decodeImageFile(file));
      this.image = toSigned(digit.pixels);
      this.name = file.name;
      const notes: string[] = [];
      if (digit.uniform) notes.push(m.source_note_uniform());
      if (digit.inverted) notes.push(m.source_note_inverted());
      this.note = notes.length ? notes.join(' ') : null;
    } catch (err) {
      const why = err instanceof ImageImportError ? imageImportText(err, file.name) : m.source_unreadable({ detail: failureDetail(err) });
      this.error = `${why} ${this.image ? UPLOAD_FAILED_TEXT.keptPrevious : UPLOAD_FAILED_TEXT.noPrevious}`;
    } finally {
      this.reading = false;
    }
  }
}
