import java.net.URI;
class J { URI u = new URI("https", "api.akool.com", "/api/open/v3/content/video/createbytalkingphoto", null); URI ok = new URI("https", "openapi.akool.com", "/api/open/v3/content/video/createbytalkingphoto", null); }
