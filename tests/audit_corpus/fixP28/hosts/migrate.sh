#!/bin/sh
sed -i 's#https://api.akool.com#https://openapi.akool.com#g' config/*.env
sed -i -e "s|https://api.akool.com|https://openapi.akool.com|g" settings.ini
perl -pi -e 's#https://api\.akool\.com#https://openapi.akool.com#g' app.conf
perl -pi -e 's#https://api.akool.com#https://openapi.akool.com#g' app2.conf
