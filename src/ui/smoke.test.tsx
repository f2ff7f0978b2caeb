import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from './app';

describe('App shell', () => {
  it('renders the header and the navigation pane', () => {
    render(<App />);
    expect(screen.getByRole('heading', { name: 'XenLab' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Navigation pane' })).toBeTruthy();
    expect(screen.getByRole('main')).toBeTruthy();
  });
});
