// Placeholder shell: the XenCenter-like frame (header, navigation pane, main
// view) so the tooling has something to build and test. The console replaces it.
export function App() {
  return (
    <div className="flex h-screen flex-col bg-slate-100 text-sm text-slate-900">
      <header className="flex items-center bg-slate-800 px-3 py-2 text-white">
        <h1 className="text-base font-semibold">XenLab</h1>
      </header>
      <div className="flex min-h-0 flex-1">
        <nav aria-label="Navigation pane" className="w-64 border-r border-slate-300 bg-white p-3">
          <p className="text-slate-500">No pools connected.</p>
        </nav>
        <main className="flex-1 p-3">
          <p className="text-slate-500">Select an item in the navigation pane.</p>
        </main>
      </div>
    </div>
  );
}
