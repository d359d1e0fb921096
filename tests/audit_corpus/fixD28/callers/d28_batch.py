from d28_speaker import talking_photo

IMAGES = ["https://example.com/a.png", "https://example.com/b.png"]

for image in IMAGES:
    talking_photo(image, "https://example.com/voice.mp3")
    talking_photo(image, "https://example.com/voice.mp3", "1080p")
    talking_photo(image, "https://example.com/voice.mp3", resolution="1080")
