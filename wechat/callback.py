"""The callback WeChat calls: URL verification (GET) and messages and events (POST)."""

from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from wechat import handlers, inbound
from wechat.inbound import InboundError

TEXT = "text/plain; charset=utf-8"
# A retry of a message already answered gets the same reply while WeChat may still retry.
REPLY_CACHE_SECONDS = 60


@csrf_exempt
@require_http_methods(["GET", "POST"])
def callback(request: HttpRequest) -> HttpResponse:
    try:
        if request.method == "GET":
            return HttpResponse(inbound.verify_url(request.GET), content_type=TEXT)
        return _receive(request)
    except InboundError as error:
        return HttpResponse(error.message, status=error.status, content_type=TEXT)


def _receive(request: HttpRequest) -> HttpResponse:
    inbound.require_token()
    inbound.check_size(_declared_length(request))
    message = inbound.read(request.GET, request.body)
    reply_key = f"wechat:callback-reply:{message.key}"
    with transaction.atomic():
        if inbound.first_time(message.key):
            reply = handlers.handle(message)
            xml = reply.render() if reply else ""
            cache.set(reply_key, xml, REPLY_CACHE_SECONDS)
        else:
            xml = cache.get(reply_key, "")
    if not xml:
        return HttpResponse("success", content_type=TEXT)
    if message.crypto is not None:
        xml = message.crypto.encrypt_message(xml, message.nonce, message.timestamp)
    return HttpResponse(xml, content_type="application/xml; charset=utf-8")


def _declared_length(request: HttpRequest) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0
