// jsdom project setup. Vitest runs without `globals`, so Testing Library
// cannot register its automatic cleanup; unmount rendered trees ourselves.
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup();
});
