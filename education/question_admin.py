"""question_admin"""
