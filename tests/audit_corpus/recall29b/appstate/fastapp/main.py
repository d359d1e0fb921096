from contextlib import asynccontextmanager
import httpx
from fastapi import FastAPI
from .routers import videos

@asynccontextmanager
async def lifespan(app: FastAPI):
    app.state.akool = httpx.AsyncClient(base_url="https://openapi.akool.com/api/open/v3", headers={"x-api-key": "k"})
    yield
    await app.state.akool.aclose()

app = FastAPI(lifespan=lifespan)
app.include_router(videos.router)
