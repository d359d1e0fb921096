<?php
$json = '{"targetImage":[{"path":"'.$img.'","opts":""}],"face_reage":'.$a['years'].',"modifyImage":"'.$img.'"}';
$ch = curl_init("https://openapi.akool.com/api/open/v3/faceswap/highquality/imgreage");
curl_setopt($ch, CURLOPT_POSTFIELDS, $json);
