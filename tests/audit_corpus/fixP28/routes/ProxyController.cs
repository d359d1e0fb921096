using Microsoft.AspNetCore.Mvc;

[ApiController]
[Route("api/open/v3")]
public class ProxyController : ControllerBase
{
    [HttpPost("content/video/createbytalkingphoto")]
    public IActionResult Talk([FromBody] object body) => Ok(body);

    [HttpPost(
        "/api/open/v3/faceswap/highquality/specifyimage")]
    public IActionResult Swap([FromBody] object body) => Ok(body);

    [HttpGet("/api/open/v3/content/video/getvideostatus")]
    public IActionResult Status(string id) => Ok(id);
}
