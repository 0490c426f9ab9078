/** A cached photo (`/photos/<file>`) that turns into a quiet placeholder when missing or broken. */
import { useState } from 'react';
import { photoUrl } from './photos';

interface PhotoProps {
  file: string | null | undefined;
  alt: string;
  className?: string;
  width?: number | null;
  height?: number | null;
  loading?: 'lazy' | 'eager';
}

export function Photo({ file, alt, className, width, height, loading = 'lazy' }: PhotoProps) {
  const [broken, setBroken] = useState(false);
  const src = photoUrl(file);
  if (!src || broken) {
    return (
      <span className={`photo-placeholder ${className ?? ''}`} role={alt ? 'img' : undefined} aria-label={alt || undefined}>
        <span aria-hidden="true">Photo not available offline</span>
      </span>
    );
  }
  return (
    <img
      className={className}
      src={src}
      alt={alt}
      width={width ?? undefined}
      height={height ?? undefined}
      loading={loading}
      decoding="async"
      onError={() => setBroken(true)}
    />
  );
}
