package main

const CreateURL = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"
