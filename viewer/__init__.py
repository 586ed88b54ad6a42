"""policykg.viewer"""
