from wechat.models.broadcasts import Broadcast
from wechat.models.followers import BindingCode, Follower, FollowerTag
from wechat.models.inbound import InboundMessage
from wechat.models.messages import ChannelPause, Message
from wechat.models.texts import MessageText

__all__ = [
    "BindingCode",
    "Broadcast",
    "ChannelPause",
    "Follower",
    "FollowerTag",
    "InboundMessage",
    "Message",
    "MessageText",
]
