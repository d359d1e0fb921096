from app.integrations.akool import create_job


def run(image_url):
    return create_job("/v4/image2Video/create", {"image_url": image_url})
