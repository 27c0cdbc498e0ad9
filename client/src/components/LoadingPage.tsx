export function LoadingPage({ label }: { label: string }) {
  return (
    <main className="message-page" aria-busy="true">
      <p className="loading">{label}</p>
    </main>
  );
}
