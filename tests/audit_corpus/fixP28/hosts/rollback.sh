#!/bin/sh
sed -i 's#https://openapi.akool.com#https://api.akool.com#g' config/*.env
