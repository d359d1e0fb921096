import requests

from .settings import API_BASE, APP_ID


def query(order_no):
    r = requests.get(f"{API_BASE}/api/open/v1/pay/query", params={"appId": APP_ID, "orderNo": order_no})
    return r.json()


def refund(order_no, amount):
    body = {"appId": APP_ID, "orderNo": order_no, "amount": amount}
    return requests.post(API_BASE + "/api/open/v1/pay/refund", json=body).json()
