"""Middleware failing before the view would: as one asking a database that is down (through
Django or the driver directly), as one writing to a full or read-only disk, and with errors
that have nothing to do with either."""

import errno
import os

import psycopg
from django.db import OperationalError


class _Failing:
    error: Exception

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        raise self.error


class DatabaseDownMiddleware(_Failing):
    error = OperationalError("server closed the connection unexpectedly")


class DriverDownMiddleware(_Failing):
    error = psycopg.OperationalError("connection timeout expired")


class BrokenMiddleware(_Failing):
    error = RuntimeError("a bug")


def _os_error(code: int) -> OSError:
    return OSError(code, os.strerror(code))


class DiskFullMiddleware(_Failing):
    error = _os_error(errno.ENOSPC)


class ReadOnlyDiskMiddleware(_Failing):
    error = _os_error(errno.EROFS)


class MissingFileMiddleware(_Failing):
    error = _os_error(errno.ENOENT)
