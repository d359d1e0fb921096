package client

const BaseURL = "https://openapi.akool.com/api/open/v4"
