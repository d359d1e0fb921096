<?php
// A results page: lists face swaps by id and shows each one's image once it is done.
$ids = implode(',', array_map('trim', explode(',', $_GET['ids'] ?? '')));
$ctx = stream_context_create(['http' => [
    'method' => 'GET',
    'header' => 'x-api-key: ' . getenv('AKOOL_API_KEY'),
]]);
$json = json_decode(file_get_contents('https://openapi.akool.com/api/open/v3/faceswap/result/listbyids?_ids=' . urlencode($ids), false, $ctx), true);
?>
<ul>
<?php foreach ($json['data']['result'] as $item): ?>
  <li>
    <?php if ($item['faceswap_status'] == 4): ?>
      failed
    <?php elseif ($item['faceswap_status'] == 2): ?>
      <img src="<?= htmlspecialchars($item['url']) ?>" width="240"> done
    <?php else: ?>
      working
    <?php endif; ?>
  </li>
<?php endforeach; ?>
</ul>
