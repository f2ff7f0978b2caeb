import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { LabConnection } from './lab/lab-connection';
import { LabProvider } from './lab/lab-context';
import './index.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// ?world=large&speed=10 choose a fresh lab's world and clock (benchmarks, demos).
const query = new URLSearchParams(window.location.search);
const speed = Number(query.get('speed'));
const lab = new LabConnection({
  ...(query.get('world') !== null ? { world: query.get('world') ?? 'default' } : {}),
  ...(Number.isFinite(speed) && speed > 0 ? { speed } : {}),
});
const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } });

createRoot(root).render(
  <StrictMode>
    <LabProvider lab={lab}>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </LabProvider>
  </StrictMode>,
);
