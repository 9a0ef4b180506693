"""school_admin"""
