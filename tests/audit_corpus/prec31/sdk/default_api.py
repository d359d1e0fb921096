def serialize(self, req, _headers=None):
    _header_params = _headers or {}
    _body_params = None
    if req is not None:
        _body_params = req
    _header_params['Accept'] = 'application/json'
    return self.api_client.param_serialize(
        method='POST',
        resource_path='/api/open/v3/content/video/createbytalkingphoto',
        header_params=_header_params,
        body=_body_params,
    )
