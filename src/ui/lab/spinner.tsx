// A small busy indicator; decorative (the text next to it says what is happening).
export function Spinner({ className = 'size-5' }: { className?: string }) {
  return <span aria-hidden="true" className={`inline-block shrink-0 animate-spin rounded-full border-2 border-slate-300 border-t-blue-600 motion-reduce:animate-none ${className}`} />;
}
