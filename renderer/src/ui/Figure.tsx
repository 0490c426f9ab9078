/** A photo with its caption and, on its own line, the credit ("Photo: …"). */
import type { Photo as PhotoModel } from '../../../electron/shared/models';
import { Photo } from './Photo';
import { creditText } from './photos';

export function Figure({ photo, className }: { photo: PhotoModel; className?: string }) {
  const credit = creditText(photo.credit ?? '');
  const caption = (photo.caption ?? '').trim();
  return (
    <figure className={`figure ${className ?? ''}`}>
      <Photo file={photo.file} alt={photo.alt || caption} width={photo.width} height={photo.height} loading="eager" />
      {(caption || credit) && (
        <figcaption>
          {caption && <span className="caption">{caption}</span>}
          {credit && <span className="credit">Photo: {credit}</span>}
        </figcaption>
      )}
    </figure>
  );
}
