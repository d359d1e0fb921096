#!/bin/sh
# Track a parcel with the carrier's open API.
. ./carrier.env
curl -s "$CARRIER_API_BASE/api/open/v1/ship/track?no=$1" -H "appKey: $CARRIER_APP_KEY"
