import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useProgressiveCount } from './progressive';

function List({ total }: { total: number }) {
  const n = useProgressiveCount(total, 16);
  return <p>{`${String(n)} of ${String(total)}`}</p>;
}

describe('useProgressiveCount', () => {
  it('renders the first rows with the page, then all of them after a frame', async () => {
    render(<List total={64} />);
    expect(screen.getByText('16 of 64')).toBeTruthy();
    await waitFor(() => expect(screen.getByText('64 of 64')).toBeTruthy());
  });

  it('a short list is whole at once, and later growth shows at once', async () => {
    const { rerender } = render(<List total={3} />);
    expect(screen.getByText('3 of 3')).toBeTruthy();
    await waitFor(() => expect(screen.getByText('3 of 3')).toBeTruthy());
    rerender(<List total={40} />);
    await waitFor(() => expect(screen.getByText('40 of 40')).toBeTruthy());
  });
});
