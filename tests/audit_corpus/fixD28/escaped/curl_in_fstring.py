import subprocess


def make_image(prompt, key):
    cmd = f'curl -s -X POST https://openapi.akool.com/api/open/v3/content/image/createbyprompt -H "x-api-key: {key}" -H "Content-Type: application/json" -d "{{\\"prompt\\": \\"{prompt}\\", \\"size\\": \\"1:1\\"}}"'
    return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout
