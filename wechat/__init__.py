"""The WeChat channel: callback, followers, login binding, the outbox and broadcasts.

Other apps use only :func:`wechat.outbox.notify` to queue a message; nothing here imports
them.
"""
