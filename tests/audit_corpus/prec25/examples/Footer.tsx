export function Footer() {
  return (
    <footer>
      Powered by <a href="https://akool.com">AKOOL</a> ·{" "}
      <a href="https://docs.akool.com/ai-tools-suite/talking-photo/create-video">Talking photo API</a> ·{" "}
      <a href="https://api.akool.com/api/open/v3/content/video/status">old status endpoint (retired)</a>
    </footer>
  );
}
