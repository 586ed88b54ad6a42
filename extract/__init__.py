"""policykg.extract"""
