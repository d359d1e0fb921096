package config

const CreditsBase = "https://openapi.akool.com/api/open/v3"
