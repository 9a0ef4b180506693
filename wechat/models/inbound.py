from django.db import models


class InboundMessage(models.Model):
    """One message or event received on the callback, kept to answer WeChat's retries once.

    The key is the MsgId for messages, the job's MsgID for sending reports (one sender sends
    them all, several in the same second), and sender + CreateTime + event for other events.
    """

    key = models.CharField(max_length=120, unique=True)
    received_at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self):
        return self.key
