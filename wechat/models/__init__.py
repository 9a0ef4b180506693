from wechat.models.broadcasts import Broadcast, BroadcastRecipient
from wechat.models.followers import BindingCode, Follower, FollowerTag
from wechat.models.inbound import InboundMessage
from wechat.models.messages import ChannelPause, Message
from wechat.models.replies import KeywordReply
from wechat.models.texts import MessageText

__all__ = [
    "BindingCode",
    "Broadcast",
    "BroadcastRecipient",
    "ChannelPause",
    "Follower",
    "FollowerTag",
    "InboundMessage",
    "KeywordReply",
    "Message",
    "MessageText",
]
