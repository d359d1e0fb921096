use strict;
use LWP::UserAgent;
use JSON;

my $base = "https://openapi.akool.com/api/open/v3";
my $ua = LWP::UserAgent->new;

sub create_image {
    my ($prompt) = @_;
    my $res = $ua->post("$base/content/image/createbyprompt",
        Content_Type => 'application/json',
        Content => encode_json({ prompt => $prompt, scale => "1:1" }));
    return decode_json($res->decoded_content)->{data}{_id};
}

sub talk {
    my ($img, $audio) = @_;
    my $req = HTTP::Request->new(POST => "$base/content/video/createbytalkingphoto");
    $req->header('Content-Type' => 'application/json');
    $req->content(encode_json({ talking_photo_url => $img, audio_url => $audio, resolution => "720" }));
    return $ua->request($req);
}

sub info {
    my ($id) = @_;
    return $ua->get("$base/content/video/infobymodelid?video_model_id=$id");
}

sub tiny_image {
    my $http = HTTP::Tiny->new;
    return $http->request('POST', "$base/content/image/createbyprompt", {
        headers => { 'Content-Type' => 'application/json' },
        content => encode_json({ prompt => $_[0], scale => "1:1" }),
    });
}

sub common_info {
    return $ua->request(GET "$base/content/video/infobymodelid?video_model_id=$_[0]");
}

sub mojo_talk {
    return $mojo->post("$base/content/video/createbytalkingphoto" => json => { talking_photo_url => $_[0], audio_url => $_[1], resolution => "1080" });
}

sub poll {
    my $res = $ua->get("$base/content/video/infobymodelid?video_model_id=$_[0]");
    my $answer = decode_json($res->decoded_content);
    return $answer->{data}->{video};
}
