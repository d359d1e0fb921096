"""`akool mcp`: akool's jobs as MCP tools for AI agents (tools.py: what they do, on the library;
server.py: the only module that imports the `mcp` SDK, loaded only when `akool mcp` runs)."""
