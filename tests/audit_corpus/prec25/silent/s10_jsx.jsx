export default function Help() {
  return (
    <ul>
      <li><a href="https://openapi.akool.com/api/open/v3/content/video/status">status (retired)</a></li>
      <li><img src="https://api.akool.com/static/logo.png" alt="logo" /></li>
    </ul>
  );
}
