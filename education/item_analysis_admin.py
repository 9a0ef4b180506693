"""item_analysis_admin"""
