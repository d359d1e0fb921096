from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    akool_api_key: str = ""
    akool_base_url: str = "https://openapi.akool.com/api/open/v3"


settings = Settings()
