"""Middleware failing before the view would: as one asking a database that is down (through
Django or the driver directly), and with an error that has nothing to do with the database."""

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
