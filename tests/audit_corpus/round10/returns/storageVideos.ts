// Our own storage service's client: its answers are its own.
export class StorageVideos {
  async getVideo(id: string) {
    const res = await fetch(`https://storage.example.com/videos/${id}`);
    return res.json();
  }
}
