"""rate_admin"""
